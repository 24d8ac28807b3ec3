namespace PilotAssessment.ExceptionHandling;

/// <summary>
/// A rule of the domain was broken. <see cref="Code"/> is a localization key; <see cref="Arguments"/>
/// fill its placeholders, so the message reaches the user in their language.
/// </summary>
public class BusinessException : Exception
{
    public BusinessException(string code, params object?[] arguments)
        : base(code)
    {
        Code = code;
        Arguments = arguments;
    }

    public string Code { get; }

    public object?[] Arguments { get; }

    /// <summary>Per-field or per-cell problems, each already a localization code with arguments.</summary>
    public IDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();

    public BusinessException WithError(string key, string message)
    {
        Errors[key] = Errors.TryGetValue(key, out var existing) ? [.. existing, message] : [message];
        return this;
    }
}

/// <summary>The caller may not do this (403), as opposed to a broken rule (400).</summary>
public class ForbiddenException(string code, params object?[] arguments) : BusinessException(code, arguments);

/// <summary>Something the server needs is missing or unavailable (503), e.g. the font to print a PDF with.</summary>
public class ServiceUnavailableException(string code, params object?[] arguments) : BusinessException(code, arguments);

/// <summary>A state conflict, such as a stale concurrency stamp (409).</summary>
public class ConflictException(string code, params object?[] arguments) : BusinessException(code, arguments)
{
    public object? Current { get; init; }
}

/// <summary>
/// Another request saved the same row first (its concurrency token changed): what the data store reports, in the
/// domain's terms, so application services need not know the data store.
/// </summary>
public class ConcurrencyConflictException() : ConflictException(PilotAssessmentErrorCodes.ConcurrencyConflict);

/// <summary>The entity does not exist or is not visible to the current tenant (404).</summary>
public class EntityNotFoundException(Type entityType, object? id)
    : BusinessException(PilotAssessmentErrorCodes.EntityNotFound, entityType.Name, id)
{
    public Type EntityType { get; } = entityType;

    public object? Id { get; } = id;
}

/// <summary>The caller's credentials are missing, expired or revoked (401).</summary>
public class AuthenticationFailedException(string code, params object?[] arguments) : BusinessException(code, arguments);
