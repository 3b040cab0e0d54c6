using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class AttendanceChangeConfiguration : IEntityTypeConfiguration<AttendanceChange>
{
    public void Configure(EntityTypeBuilder<AttendanceChange> change)
    {
        change.Property(c => c.ChangedById).HasMaxLength(450);
        change.HasIndex(c => new { c.SessionId, c.ParticipantId });
        change.HasOne<Session>().WithMany().HasForeignKey(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        change.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        change.HasOne<StaffUser>().WithMany().HasForeignKey(c => c.ChangedById).OnDelete(DeleteBehavior.SetNull);
    }
}
