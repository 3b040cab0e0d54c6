using System.Globalization;
using System.Text;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Attendance.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Benchmarks.Import;

/// <summary>
/// Writes an attendance file for the generated catalogue: offerings in id order, each with its own group of
/// children (new to the portal, with their details on every line) marked at every date of its schedule, until
/// the wanted number of rows is reached. Also makes a staff member of exactly the centres the file touches and
/// prints an API token for it, so the import runs the same centre checks as for real staff. The member coordinates
/// those centres: the file reaches back to the start of each schedule, far past the 14 days after a session in
/// which ordinary staff may still record attendance, and only coordinators (and Admins) may write after that.
/// </summary>
public sealed class ImportFileWriter(string connectionString, int rows, int childrenPerOffering, int seed, TextWriter output)
{
    public const string StaffEmail = "import.bench@example.org";

    public async Task<int> RunAsync(string path, string tokenPath)
    {
        var options = new DbContextOptionsBuilder<FamilyServicesDb>();
        FamilyServices.Web.Platform.Database.Configure(options, connectionString);
        await using var db = new FamilyServicesDb(options.Options);
        var offerings = await db.Offerings.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Code, o.CentreId, o.Schedule, DistrictCode = o.Centre.District.Code })
            .ToListAsync();
        // A cancelled session takes no attendance, so the file leaves those dates out, as a centre's own export would.
        var cancelled = (await db.Sessions.AsNoTracking().Where(s => s.Status == SessionStatus.Cancelled)
                .Select(s => new { s.OfferingId, s.StartsAt, s.Offering.Centre.TimeZone }).ToListAsync())
            .Select(s => (s.OfferingId, DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone)))))
            .ToHashSet();
        if (offerings.Count == 0)
        {
            await output.WriteLineAsync("error: the database has no offerings; generate the catalogue first.");
            return 1;
        }

        var random = new Random(seed);
        var statuses = new[] { "present", "present", "present", "present", "present", "present", "absent", "absent", "excused", "present" };
        var centres = new HashSet<int>();
        var written = 0;
        var offeringsUsed = 0;
        await using (var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20))
        {
            file.NewLine = "\n";
            await file.WriteLineAsync(AttendanceImporter.Header);
            // Cycling through the offerings again gives each a second group of children, should one pass not be enough.
            for (var pass = 0; written < rows; pass++)
            {
                foreach (var offering in offerings)
                {
                    if (written >= rows) break;
                    var dates = offering.Schedule.Dates().Where(d => !cancelled.Contains((offering.Id, d))).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
                    if (dates.Count == 0) continue;
                    var start = offering.Schedule.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture);
                    var children = Enumerable.Range(0, childrenPerOffering)
                        .Select(_ => $"{ParticipantCode.Create(random)},{2019 + random.Next(6)},{1 + random.Next(12)},{offering.DistrictCode}")
                        .ToList();
                    centres.Add(offering.CentreId);
                    offeringsUsed++;
                    foreach (var date in dates)
                    {
                        foreach (var child in children)
                        {
                            if (written >= rows) break;
                            var parts = child.Split(',', 2);
                            await file.WriteLineAsync($"{offering.Code},{date},{start},{parts[0]},{parts[1]},{statuses[random.Next(statuses.Length)]}");
                            written++;
                        }
                    }
                }
                if (pass > 100) break;
            }
        }

        var token = await StaffTokenAsync(db, centres);
        await File.WriteAllTextAsync(tokenPath, token);
        await output.WriteLineAsync(
            $"Wrote {written:N0} rows for {offeringsUsed:N0} offering groups of {centres.Count} centres to {path} ({new FileInfo(path).Length / 1048576.0:N0} MB); token in {tokenPath}.");
        return written == rows ? 0 : 1;
    }

    /// <summary>A coordinator of the file's centres (made once, centres topped up) with a fresh token.</summary>
    private static async Task<string> StaffTokenAsync(FamilyServicesDb db, IReadOnlySet<int> centres)
    {
        var normalized = StaffEmail.ToUpperInvariant();
        var user = await db.Users.Include(u => u.Centres).SingleOrDefaultAsync(u => u.NormalizedEmail == normalized);
        if (user is null)
        {
            user = new StaffUser
            {
                UserName = StaffEmail, NormalizedUserName = normalized, Email = StaffEmail, NormalizedEmail = normalized,
                DisplayName = "Import benchmark", SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            var role = await db.Roles.SingleOrDefaultAsync(r => r.Name == Roles.CentreStaff);
            if (role is null)
            {
                role = new IdentityRole(Roles.CentreStaff) { NormalizedName = Roles.CentreStaff.ToUpperInvariant() };
                db.Roles.Add(role);
            }
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
        }
        foreach (var centreId in centres.Except(user.Centres.Select(c => c.CentreId)))
        {
            user.Centres.Add(new StaffCentre { UserId = user.Id, CentreId = centreId });
        }
        foreach (var centre in user.Centres) centre.IsCoordinator = true;
        await db.SaveChangesAsync();
        var issued = await new ApiTokenService(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ApiTokenService>.Instance).IssueAsync(user, "import benchmark", 1);
        return issued.Token;
    }
}
