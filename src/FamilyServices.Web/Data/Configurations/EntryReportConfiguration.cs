using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class EntryReportConfiguration : IEntityTypeConfiguration<EntryReport>
{
    public void Configure(EntityTypeBuilder<EntryReport> report)
    {
        report.Property(r => r.Message).HasMaxLength(2000);
        report.Property(r => r.Language).HasMaxLength(8);
        report.Property(r => r.ResolvedById).HasMaxLength(450);
        report.HasIndex(r => r.ResolvedAt);
        report.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne<Centre>().WithMany().HasForeignKey(r => r.CentreId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne<StaffUser>().WithMany().HasForeignKey(r => r.ResolvedById).OnDelete(DeleteBehavior.SetNull);
        report.ToTable(t => t.HasCheckConstraint("ck_entry_reports_entry", "programme_id IS NOT NULL OR centre_id IS NOT NULL"));
    }
}
