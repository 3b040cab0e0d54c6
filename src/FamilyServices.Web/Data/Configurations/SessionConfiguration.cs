using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> session)
    {
        session.Property(s => s.CancellationReason).HasMaxLength(500);
        session.HasIndex(s => new { s.OfferingId, s.StartsAt }).IsUnique();
        session.HasIndex(s => s.StartsAt);
        session.HasOne(s => s.Offering).WithMany(o => o.Sessions).HasForeignKey(s => s.OfferingId).OnDelete(DeleteBehavior.Cascade);
        session.ToTable(t =>
        {
            t.HasCheckConstraint("ck_sessions_order", "ends_at > starts_at");
            t.HasCheckConstraint("ck_sessions_headcount", "coalesce(headcount_children, 0) >= 0 AND coalesce(headcount_adults, 0) >= 0");
        });
    }
}
