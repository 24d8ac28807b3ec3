import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * Text of the files people download, for the identifier scan: xlsx and docx are zip packages of
 * XML (read with Node's zlib), a PDF is read by poppler's pdftotext.
 */

/** The entries of a zip package by name (stored or deflated; no zip64, which Office files do not need). */
export function unzip(data: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  // The end of central directory record: the last 22+ bytes, signature 0x06054b50.
  let end = data.length - 22;
  while (end >= 0 && data.readUInt32LE(end) !== 0x06054b50) {
    end--;
  }
  if (end < 0) {
    throw new Error('not a zip package');
  }
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) {
      throw new Error('broken zip central directory');
    }
    const method = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28); // local header + name + extra
    const raw = data.subarray(start, start + size);
    entries.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) {
      return String.fromCodePoint(parseInt(entity.slice(2), 16));
    }
    if (entity.startsWith('#')) {
      return String.fromCodePoint(parseInt(entity.slice(1), 10));
    }
    return XML_ENTITIES[entity] ?? whole;
  });
}

/** The texts of the <t> elements (any namespace prefix: <t>, <x:t>, <w:t>) of an Office XML part. */
function xmlTexts(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)].map((m) =>
    decodeXml(m[1]),
  );
}

/** 1-based column of a cell reference ("C12" → 3). */
function columnOf(reference: string): number {
  let column = 0;
  for (const c of reference.replace(/\d+$/, '')) {
    column = column * 26 + (c.charCodeAt(0) - 64);
  }
  return column;
}

/**
 * An xlsx's texts as a person sees them: every cell of every visible row and column (a hidden
 * row or column holds the machine's keys for reading the file back), one line per cell, and the
 * sheets' names. A cell holding a JSON object (the scheme workbook's rule parameters, said so by
 * its header) is the machine's format too and left out. Numbers cannot be identifiers.
 */
export function xlsxText(data: Buffer): string {
  const parts = unzip(data);
  const shared = [
    ...(parts.get('xl/sharedStrings.xml')?.toString('utf8') ?? '').matchAll(
      /<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g,
    ),
  ].map((m) => xmlTexts(m[1]).join(''));
  const lines: string[] = [];
  for (const [name, content] of parts) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      continue;
    }
    const xml = content.toString('utf8');
    const hiddenColumns = new Set<number>();
    for (const col of xml.matchAll(/<(?:\w+:)?col\s([^>]*)\/?>/g)) {
      if (/hidden="(1|true)"/.test(col[1])) {
        const min = Number(/min="(\d+)"/.exec(col[1])?.[1]);
        const max = Number(/max="(\d+)"/.exec(col[1])?.[1]);
        for (let c = min; c <= max; c++) {
          hiddenColumns.add(c);
        }
      }
    }
    for (const row of xml.matchAll(/<(?:\w+:)?row(\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?row>/g)) {
      if (/hidden="(1|true)"/.test(row[1] ?? '')) {
        continue;
      }
      let position = 0;
      for (const cell of row[2].matchAll(
        /<(?:\w+:)?c(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g,
      )) {
        position++;
        const attributes = cell[1] ?? '';
        const reference = /\br="([A-Z]+\d*)"/.exec(attributes)?.[1];
        const column = reference ? columnOf(reference) : position;
        position = column;
        if (hiddenColumns.has(column) || !cell[2]) {
          continue;
        }
        const text = /t="s"/.test(attributes)
          ? (shared[Number(/<(?:\w+:)?v>(\d+)</.exec(cell[2])?.[1])] ?? '')
          : xmlTexts(cell[2]).join('');
        if (text && !text.trimStart().startsWith('{')) {
          lines.push(text);
        }
      }
    }
  }
  const workbook = parts.get('xl/workbook.xml')?.toString('utf8') ?? '';
  lines.push(
    ...[...workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*name="([^"]*)"/g)].map((m) => decodeXml(m[1])),
  );
  return lines.join('\n');
}

/** A docx's visible texts: the body, headers and footers, one line per paragraph. */
export function docxText(data: Buffer): string {
  const parts = unzip(data);
  const lines: string[] = [];
  for (const [name, content] of parts) {
    if (/^word\/(document|header\d*|footer\d*)\.xml$/.test(name)) {
      for (const paragraph of content.toString('utf8').split(/<\/(?:\w+:)?p>/)) {
        lines.push(xmlTexts(paragraph).join(''));
      }
    }
  }
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/** A PDF's text as poppler reads it (the layout kept, so a table row stays on one line). */
export function pdfText(data: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'words-pdf-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, data);
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, join(dir, 'file.txt')]);
    return readFileSync(join(dir, 'file.txt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A downloaded file's text by its kind, from its content: a PDF, or a zip package of a workbook or a document. */
export function fileText(data: Buffer): string {
  if (data.subarray(0, 4).toString('latin1') === '%PDF') {
    return pdfText(data);
  }
  if (data.readUInt32LE(0) === 0x04034b50) {
    return unzip(data).has('word/document.xml') ? docxText(data) : xlsxText(data);
  }
  return data.toString('utf8');
}

/**
 * The member names of every enum of the product (src/PilotAssessment.Domain.Shared), which
 * must never reach a person: e.g. "Scored", "AwaitingVerification".
 */
export function enumMemberNames(sourceRoot: string): Set<string> {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'bin' && entry.name !== 'obj') {
        visit(path);
      } else if (entry.name.endsWith('.cs')) {
        const source = readFileSync(path, 'utf8');
        for (const body of source.matchAll(/public enum \w+\s*\{([^}]*)\}/g)) {
          const withoutComments = body[1].replace(/\/\/\/?.*$/gm, '');
          for (const member of withoutComments.matchAll(/^\s*([A-Z][A-Za-z0-9]*)\s*(?:=|,|$)/gm)) {
            names.add(member[1]);
          }
        }
      }
    }
  };
  visit(sourceRoot);
  return names;
}
