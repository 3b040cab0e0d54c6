namespace FamilyServices.Web.Features.Audit;

/// <summary>The append-only audit trail of children's data and the Admins' page that reads it.</summary>
public static class AuditModule
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditTrail>();
        return builder;
    }
}
