import {
  bulkBody,
  bulkRows,
  invalidCells,
  parsePaste,
  parseTarget,
  pasteInto,
  rowErrors,
} from './agreement-bulk-issue';

const CITIES = [
  { id: 'c1', name: 'lanzhou', displayName: '兰州市', isActive: true },
  { id: 'c2', name: 'tianshui', displayName: '天水市', isActive: true },
  { id: 'c3', name: 'jinchang', displayName: '金昌市', isActive: true },
  { id: 'c4', name: 'old', displayName: '停用市', isActive: false },
];
const CODES = ['D01', 'D02', 'X1'];

describe('bulk issue helpers', () => {
  it('lists the active cities, all selected', () => {
    expect(bulkRows(CITIES).map((r) => [r.cityName, r.selected])).toEqual([
      ['兰州市', true],
      ['天水市', true],
      ['金昌市', true],
    ]);
  });

  it('reads cells as Excel copies them', () => {
    expect(parsePaste('97\t4.5\r\n95\t\r\n')).toEqual([
      ['97', '4.5'],
      ['95', ''],
    ]);
    expect(parsePaste('98')).toEqual([['98']]);
  });

  it('pastes a block from the cell pasted into, ignoring what falls outside the table', () => {
    const rows = pasteInto(bulkRows(CITIES), CODES, 1, 1, parsePaste('4\t10\t99\n5\t11\n6\t12'));
    expect(rows.map((r) => r.targets)).toEqual([
      {},
      { D02: '4', X1: '10' },
      { D02: '5', X1: '11' },
    ]);
  });

  it('pastes by city name when the first column names the cities', () => {
    const rows = pasteInto(bulkRows(CITIES), CODES, 0, 0, parsePaste('金昌\t96\t3\n兰州市\t97\t4'));
    expect(rows.map((r) => r.targets)).toEqual([
      { D01: '97', D02: '4' },
      {},
      { D01: '96', D02: '3' },
    ]);
  });

  it('reads numbers as officials type them and flags the rest', () => {
    expect(parseTarget(' 1,234.5 ')).toBe(1234.5);
    expect(parseTarget('９８．５')).toBe(98.5);
    expect(parseTarget('95%')).toBe(95);
    expect(parseTarget('')).toBeNull();
    expect(parseTarget('九十')).toBeNaN();
    const rows = bulkRows(CITIES);
    rows[0].targets = { D01: 'abc', D02: '3' };
    rows[1].targets = { D01: 'x' };
    rows[1].selected = false;
    expect([...invalidCells(rows)]).toEqual(['c1:D01']);
  });

  it('sends the selected cities in table order with the targets they set, and maps row errors back', () => {
    const rows = bulkRows(CITIES);
    rows[0].targets = { D01: '97', D02: '' };
    rows[1].selected = false;
    rows[2].targets = { X1: '12' };
    const body = bulkBody('t1', 2027, true, rows);
    expect(body).toEqual({
      templateId: 't1',
      year: 2027,
      issue: true,
      cities: [
        { cityId: 'c1', targets: [{ code: 'D01', target: 97 }] },
        { cityId: 'c3', targets: [{ code: 'X1', target: 12 }] },
      ],
    });
    expect(rowErrors({ 'cities[1]': ['金昌市重复出现。'], cities: ['x'] }, body)).toEqual({
      c3: ['金昌市重复出现。'],
    });
  });
});
