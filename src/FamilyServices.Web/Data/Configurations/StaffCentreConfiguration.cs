using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class StaffCentreConfiguration : IEntityTypeConfiguration<StaffCentre>
{
    public void Configure(EntityTypeBuilder<StaffCentre> staffCentre)
    {
        staffCentre.HasKey(s => new { s.UserId, s.CentreId });
        staffCentre.Property(s => s.IsCoordinator).HasDefaultValue(false);
        staffCentre.HasOne(s => s.Centre).WithMany().HasForeignKey(s => s.CentreId).OnDelete(DeleteBehavior.Cascade);
    }
}
