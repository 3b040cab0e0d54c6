namespace FamilyServices.Web.Features.Privacy;

/// <summary>An Admin's access to and erasure of one child's data, and the retention job.</summary>
public static class PrivacyModule
{
    public static WebApplicationBuilder AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ParticipantErasure>();
        builder.Services.AddScoped<RetentionJob>();
        builder.Services.AddHostedService<RetentionService>();
        return builder;
    }

    public static WebApplication MapPrivacy(this WebApplication app)
    {
        app.MapPrivacyEndpoints();
        return app;
    }
}
