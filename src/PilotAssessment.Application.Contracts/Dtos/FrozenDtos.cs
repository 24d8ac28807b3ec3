using System.Runtime.CompilerServices;

namespace PilotAssessment.Dtos;

/// <summary>
/// DTOs the application keeps and serves again unchanged (the lines of a kept entry sheet): marked here, so the host
/// writes each one's JSON once and copies those bytes into every later response. A frozen DTO is never changed; one
/// that is collected leaves nothing behind.
/// </summary>
public static class FrozenDtos
{
    private static readonly ConditionalWeakTable<object, Frozen> Table = new();

    public static void Freeze(object dto) => Table.TryAdd(dto, new Frozen());

    /// <summary>What is kept of a frozen DTO; null when it is not frozen.</summary>
    public static Frozen? Of(object dto) => Table.TryGetValue(dto, out var frozen) ? frozen : null;

    public sealed class Frozen
    {
        /// <summary>Its JSON as written with one serializer options instance (another instance writes it again).</summary>
        public (object Options, byte[] Json)? Written { get; set; }
    }
}
