using FamilyServices.Web.Features.Attendance.Import;

namespace FamilyServices.Web.Features.Attendance;

/// <summary>The staff side of sessions: today's sessions, the roster, and the CSV import.</summary>
public static class AttendanceModule
{
    public static WebApplicationBuilder AddAttendance(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AttendanceImporter>();
        return builder;
    }

    public static WebApplication MapAttendance(this WebApplication app)
    {
        app.MapAttendanceImport();
        app.MapSingleMark();
        return app;
    }
}
