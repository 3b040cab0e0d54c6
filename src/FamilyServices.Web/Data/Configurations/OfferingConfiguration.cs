using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class OfferingConfiguration : IEntityTypeConfiguration<Offering>
{
    public void Configure(EntityTypeBuilder<Offering> offering)
    {
        offering.Property(x => x.OpenDataId).HasDefaultValueSql("gen_random_uuid()");
        offering.HasIndex(x => x.OpenDataId).IsUnique();
        offering.Property(v => v.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        offering.Property(o => o.Code).HasMaxLength(20);
        offering.Property(o => o.OnlineUrl).HasMaxLength(500);
        offering.Property(o => o.StatusNote).HasMaxLength(500);
        offering.HasIndex(o => o.Code).IsUnique();
        offering.HasIndex(o => o.PublicationState);
        offering.HasOne(o => o.Programme).WithMany(p => p.Offerings).HasForeignKey(o => o.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        offering.HasOne(o => o.Centre).WithMany().HasForeignKey(o => o.CentreId).OnDelete(DeleteBehavior.Restrict);
        offering.HasOne(o => o.Room).WithMany().HasForeignKey(o => o.RoomId).OnDelete(DeleteBehavior.SetNull);
        offering.ComplexProperty(o => o.Schedule, schedule =>
        {
            schedule.Property(s => s.Kind).HasMaxLength(40);
            // Stored as its number: a bit per weekday, Monday = 1.
            schedule.Property(s => s.Weekdays).HasConversion<int>();
        });
        offering.ToTable(t =>
        {
            t.HasCheckConstraint("ck_offerings_capacity", "capacity IS NULL OR capacity > 0");
            t.HasCheckConstraint("ck_offerings_period", "schedule_end_date >= schedule_start_date");
        });
    }
}
