using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PilotAssessment.Results;

/// <summary>UTF-8 JSON written from its parts one after the other, with its length, without joining them first.</summary>
public sealed class JsonPartsResult(IReadOnlyList<ReadOnlyMemory<byte>> parts) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = parts.Sum(p => (long)p.Length);
        foreach (var part in parts)
        {
            await response.BodyWriter.WriteAsync(part, context.HttpContext.RequestAborted);
        }
    }
}
