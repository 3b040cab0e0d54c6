using FamilyServices.Web.Features.Attendance.Import;

namespace FamilyServices.Web.Features.Attendance;

/// <summary>The staff side of sessions: today's sessions, the live roster, and the CSV import.</summary>
public static class AttendanceModule
{
    public static WebApplicationBuilder AddAttendance(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AttendanceImporter>();
        builder.Services.AddScoped<ImportUpload>();
        builder.Services.AddScoped<RosterActions>();
        // One listener per portal instance; open roster pages subscribe to it.
        builder.Services.AddSingleton<AttendanceListener>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AttendanceListener>());
        return builder;
    }

    public static WebApplication MapAttendance(this WebApplication app)
    {
        app.MapAttendanceImport();
        return app;
    }
}
