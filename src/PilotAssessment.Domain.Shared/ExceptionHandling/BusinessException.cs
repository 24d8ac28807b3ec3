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

    private readonly Dictionary<string, List<FieldError>> _errors = new(StringComparer.Ordinal);

    /// <summary>Per-field or per-cell problems, each a localization code with its arguments.</summary>
    public IReadOnlyDictionary<string, List<FieldError>> Errors => _errors;

    public BusinessException WithError(string key, FieldError error)
    {
        if (_errors.TryGetValue(key, out var existing))
        {
            existing.Add(error);
        }
        else
        {
            _errors[key] = [error];
        }

        return this;
    }

    /// <summary>A field error: <paramref name="code"/> is a localization key, <paramref name="arguments"/> fill it.</summary>
    public BusinessException WithError(string key, string code, params object?[] arguments) => WithError(key, new FieldError(code, arguments));

    /// <summary>Adds every field error of another exception (e.g. of one line, to a whole sheet's).</summary>
    public BusinessException WithErrors(IReadOnlyDictionary<string, List<FieldError>> errors)
    {
        foreach (var (key, list) in errors)
        {
            foreach (var error in list)
            {
                WithError(key, error);
            }
        }

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
