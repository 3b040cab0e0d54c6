using Microsoft.AspNetCore.Components;

namespace FamilyServices.Web.Features.Reach;

/// <summary>The officials' reach figures: kept by a background refresher, read by the dashboard, API and exports.</summary>
public static class ReachModule
{
    public static WebApplicationBuilder AddReach(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReachRefresher>();
        builder.Services.AddScoped<ReachReports>();
        builder.Services.AddHostedService<ReachRefreshService>();
        builder.Services.AddSingleton<PersistentComponentStateSerializer<PrerenderedReachView>, PrerenderedReachViewSerializer>();
        return builder;
    }

    public static WebApplication MapReach(this WebApplication app)
    {
        app.MapReachApi();
        app.MapReachExport();
        return app;
    }
}
