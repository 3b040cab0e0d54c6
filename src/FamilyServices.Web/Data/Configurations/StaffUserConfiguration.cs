using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FamilyServices.Web.Data.Configurations;

internal sealed class StaffUserConfiguration :
    IEntityTypeConfiguration<StaffUser>,
    IEntityTypeConfiguration<IdentityRole>,
    IEntityTypeConfiguration<IdentityUserRole<string>>,
    IEntityTypeConfiguration<IdentityUserClaim<string>>,
    IEntityTypeConfiguration<IdentityUserLogin<string>>,
    IEntityTypeConfiguration<IdentityUserToken<string>>,
    IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<StaffUser> user)
    {
        user.ToTable("staff_users");
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.HasMany(u => u.Centres).WithOne().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IdentityRole> role) => role.ToTable("roles");
    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> userRole) => userRole.ToTable("staff_user_roles");
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> claim) => claim.ToTable("staff_user_claims");
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> login) => login.ToTable("staff_user_logins");
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> token) => token.ToTable("staff_user_tokens");
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> claim) => claim.ToTable("role_claims");
}
