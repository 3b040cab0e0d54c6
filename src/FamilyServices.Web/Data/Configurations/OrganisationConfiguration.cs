using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> organisation)
    {
        organisation.Property(x => x.OpenDataId).HasDefaultValueSql("gen_random_uuid()");
        organisation.HasIndex(x => x.OpenDataId).IsUnique();
        organisation.Property(v => v.Version).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        organisation.Property(o => o.Code).HasMaxLength(40);
        organisation.Property(o => o.Name).HasMaxLength(200);
        organisation.Property(o => o.Website).HasMaxLength(500);
        organisation.HasIndex(o => o.Code).IsUnique();
    }
}
