using Shouldly;
using Xunit;

namespace PilotAssessment.Auditing;

public sealed class AuditingAutoMapperProfile_Tests
{
    [Fact]
    public void Should_Map_An_Entity_Change_With_Its_Kind_And_Property_Changes()
    {
        var change = new EntityChange(Guid.NewGuid(), "PilotAssessment.Schemes.Scheme", "42", EntityChangeType.Updated, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        change.PropertyChanges.Add(new EntityPropertyChange("Name", "旧名", "新名"));

        var dto = ApplicationMapper.Mapper.Map<EntityChangeDto>(change);

        dto.ChangeType.ShouldBe("Updated");
        dto.EntityId.ShouldBe("42");
        dto.PropertyChanges.Single().ShouldBe(new EntityPropertyChangeDto("Name", "旧名", "新名"));
    }

    [Fact]
    public void Should_Map_An_Audit_Log_With_The_Impersonating_Province_And_No_Entity_Changes_Yet()
    {
        var provinceId = Guid.NewGuid();
        var log = new AuditLog(Guid.NewGuid()) { HttpMethod = "POST", Url = "/api/app/schemes", HttpStatusCode = 200, ImpersonatorTenantId = provinceId };

        var dto = ApplicationMapper.Mapper.Map<AuditLogDto>(log);

        dto.Id.ShouldBe(log.Id);
        dto.HttpMethod.ShouldBe("POST");
        dto.ImpersonatorTenantId.ShouldBe(provinceId);
        dto.EntityChanges.ShouldBeEmpty();
    }
}
