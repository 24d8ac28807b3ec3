using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace PilotAssessment.Localization;

/// <summary>
/// Gives the standard validation attributes a localization key as their message, so model validation
/// errors reach the user in their language without an ErrorMessage on every attribute.
/// </summary>
public sealed class LocalizedValidationMetadataProvider : IValidationMetadataProvider
{
    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null)
            {
                continue;
            }

            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => "Validation:Required",
                StringLengthAttribute { MinimumLength: > 0 } => "Validation:StringLengthRange",
                StringLengthAttribute => "Validation:StringLength",
                RangeAttribute => "Validation:Range",
                MaxLengthAttribute => "Validation:MaxLength",
                EmailAddressAttribute => "Validation:EmailAddress",
                _ => "Validation:InvalidValue",
            };
        }
    }
}
