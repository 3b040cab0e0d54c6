using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> attendance)
    {
        // The key is the rule: at most one attendance per participant and session.
        attendance.HasKey(a => new { a.SessionId, a.ParticipantId });
        attendance.HasIndex(a => a.ParticipantId);
        attendance.Property(a => a.RecordedById).HasMaxLength(450);
        attendance.HasOne(a => a.Session).WithMany(s => s.Attendances).HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        attendance.HasOne(a => a.Participant).WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        attendance.HasOne<StaffUser>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.SetNull);
    }
}
