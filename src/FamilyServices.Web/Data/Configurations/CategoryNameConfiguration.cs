using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class CategoryNameConfiguration : IEntityTypeConfiguration<CategoryName>
{
    public void Configure(EntityTypeBuilder<CategoryName> name)
    {
        name.ToTable("category_names");
        name.HasKey(n => new { n.CategoryId, n.Language });
        name.Property(n => n.Language).HasMaxLength(8);
        name.Property(n => n.Name).HasMaxLength(200);
    }
}
