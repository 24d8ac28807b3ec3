using PilotAssessment.Data;
using PilotAssessment.Entities;
using Shouldly;
using Xunit;

namespace PilotAssessment.MultiTenancy;

public sealed class CurrentTenant_Tests
{
    [Fact]
    public async Task Should_Restore_The_Previous_Tenant_When_A_Scope_Ends_Even_Across_Awaits()
    {
        var currentTenant = new CurrentTenant();
        var city = Guid.NewGuid();
        var other = Guid.NewGuid();

        currentTenant.Id.ShouldBeNull();
        using (currentTenant.Change(city, "兰州"))
        {
            await Task.Yield();
            currentTenant.Id.ShouldBe(city);
            currentTenant.Name.ShouldBe("兰州");
            using (currentTenant.Change(other))
            {
                currentTenant.Id.ShouldBe(other);
            }

            currentTenant.Id.ShouldBe(city);
        }

        currentTenant.Id.ShouldBeNull();
    }

    [Fact]
    public async Task Should_Keep_The_Tenant_In_Work_Started_Inside_A_Scope_After_The_Scope_Ends()
    {
        var currentTenant = new CurrentTenant();
        var city = Guid.NewGuid();
        var release = new TaskCompletionSource();
        Task<Guid?> started;

        using (currentTenant.Change(city))
        {
            started = Task.Run(async () =>
            {
                await release.Task;
                return currentTenant.Id;
            });
        }

        currentTenant.Id.ShouldBeNull();
        release.SetResult();
        (await started).ShouldBe(city);
    }

    [Fact]
    public void Should_Disable_And_Restore_Data_Filters_Per_Filter()
    {
        var filter = new DataFilter();

        filter.IsEnabled<IMultiTenant>().ShouldBeTrue();
        using (filter.Disable<IMultiTenant>())
        {
            filter.IsEnabled<IMultiTenant>().ShouldBeFalse();
            filter.IsEnabled<ISoftDelete>().ShouldBeTrue();
            using (filter.Enable<IMultiTenant>())
            {
                filter.IsEnabled<IMultiTenant>().ShouldBeTrue();
            }

            filter.IsEnabled<IMultiTenant>().ShouldBeFalse();
        }

        filter.IsEnabled<IMultiTenant>().ShouldBeTrue();
        Should.Throw<ArgumentException>(() => filter.Disable<string>());
    }
}
