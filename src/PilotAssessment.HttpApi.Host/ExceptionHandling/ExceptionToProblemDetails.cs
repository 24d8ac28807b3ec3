using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PilotAssessment.Localization;

namespace PilotAssessment.ExceptionHandling;

public static class ExceptionStatusCodes
{
    public static int For(Exception exception) => exception switch
    {
        EntityNotFoundException => StatusCodes.Status404NotFound,
        ForbiddenException => StatusCodes.Status403Forbidden,
        AuthenticationFailedException => StatusCodes.Status401Unauthorized,
        ConflictException or DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        ServiceUnavailableException => StatusCodes.Status503ServiceUnavailable,
        _ when IsDatabaseUnavailable(exception) => StatusCodes.Status503ServiceUnavailable,
        BusinessException => StatusCodes.Status400BadRequest,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// The database did not answer (down, restarting, unreachable, the connection cut in the middle of a command): a
    /// transient failure, not a fault of the product.
    /// </summary>
    public static bool IsDatabaseUnavailable(Exception? exception)
    {
        var database = false;
        for (; exception is not null; exception = exception.InnerException)
        {
            switch (exception)
            {
                case System.Data.Common.DbException { IsTransient: true }:
                    return true;
                case System.Data.Common.DbException:
                    database = true;
                    break;
                case IOException or System.Net.Sockets.SocketException when database || FromDatabaseDriver(exception):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The MySQL driver lets a cut connection's I/O error through unwrapped on some paths (a session reset or a
    /// rollback on a connection the server dropped): thrown from its code, it is the database's, not the product's.
    /// </summary>
    private static bool FromDatabaseDriver(Exception exception) =>
        new System.Diagnostics.StackTrace(exception, fNeedFileInfo: false).GetFrames()
            .Any(f => f.GetMethod()?.DeclaringType?.Assembly == typeof(MySqlConnector.MySqlConnection).Assembly);
}

/// <summary>Writes every error as RFC 7807 ProblemDetails with a message in the request's language.</summary>
public sealed class ExceptionToProblemDetails(
    IProblemDetailsService problemDetails,
    IStringLocalizer<PilotAssessmentResource> localizer,
    ILogger<ExceptionToProblemDetails> logger) : IExceptionHandler
{
    // A code that is not a text key (an identity message already localized, a name) is shown as it is.
    private string Localize(FieldError error)
    {
        var text = localizer[error.Code, error.Arguments.Select(LocalizeArgument).ToArray()];
        return text.ResourceNotFound ? error.Code : text.Value;
    }

    // Enum members and rule kinds reach people by their label, never by their name.
    private object LocalizeArgument(object? argument) => argument switch
    {
        null => string.Empty,
        LocalizableText text => localizer[text.Key].Value,
        bool flag => localizer[flag ? "Label:Yes" : "Label:No"].Value,
        Enum member when localizer[$"Enum:{member.GetType().Name}.{member}"] is { ResourceNotFound: false } label => label.Value,
        _ => argument,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = ExceptionStatusCodes.For(exception);
        var details = new ProblemDetails { Status = status };

        switch (exception)
        {
            case EntityNotFoundException notFound:
                details.Title = localizer[PilotAssessmentErrorCodes.EntityNotFound, notFound.EntityType.Name, notFound.Id ?? ""];
                details.Extensions["code"] = notFound.Code;
                break;
            case DbUpdateConcurrencyException:
                details.Title = localizer[PilotAssessmentErrorCodes.ConcurrencyConflict];
                details.Extensions["code"] = PilotAssessmentErrorCodes.ConcurrencyConflict;
                break;
            case BusinessException business:
                details.Title = localizer[business.Code, business.Arguments.Select(LocalizeArgument).ToArray()];
                details.Extensions["code"] = business.Code;
                if (business.Errors.Count > 0)
                {
                    details.Extensions["errors"] = business.Errors.ToDictionary(e => e.Key, e => e.Value.Select(Localize).ToArray());
                }

                if (business is ConflictException { Current: not null } conflict)
                {
                    details.Extensions["current"] = conflict.Current;
                }

                break;
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                details.Title = localizer[PilotAssessmentErrorCodes.RequestBodyTooLarge];
                details.Extensions["code"] = PilotAssessmentErrorCodes.RequestBodyTooLarge;
                break;
            case BadHttpRequestException:
                details.Title = localizer[PilotAssessmentErrorCodes.Validation];
                break;
            case var _ when status == StatusCodes.Status503ServiceUnavailable:
                logger.LogWarning(exception, "The database is unavailable on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                details.Title = localizer[PilotAssessmentErrorCodes.DatabaseUnavailable];
                details.Extensions["code"] = PilotAssessmentErrorCodes.DatabaseUnavailable;
                break;
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                details.Title = localizer[PilotAssessmentErrorCodes.Internal];
                details.Extensions["code"] = PilotAssessmentErrorCodes.Internal;
                break;
        }

        details.Detail = details.Title;
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = details,
            Exception = exception,
        });
    }
}
