using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Domain;

public class ParticipantTests
{
    [Theory]
    [InlineData(2021, 3, 2026, 3, 60)]
    [InlineData(2021, 3, 2026, 2, 59)]
    [InlineData(2021, 12, 2022, 1, 1)]
    [InlineData(2025, 11, 2025, 11, 0)]
    public void Age_in_months_counts_whole_months_from_the_birth_month(int birthYear, int birthMonth, int year, int month, int expected)
    {
        var child = new Participant { Code = "X", BirthYear = birthYear, BirthMonth = birthMonth };

        child.AgeInMonthsOn(new DateOnly(year, month, 15)).Should().Be(expected);
    }

    [Theory]
    [InlineData(0, "0-2")]
    [InlineData(35, "0-2")]
    [InlineData(36, "3-5")]
    [InlineData(71, "3-5")]
    [InlineData(72, "6-9")]
    [InlineData(215, "14-17")]
    public void Age_band_follows_whole_years(int ageInMonths, string band)
    {
        AgeBand.ForAgeInMonths(ageInMonths)!.Code.Should().Be(band);
    }

    [Fact]
    public void Adults_fall_in_no_child_age_band()
    {
        AgeBand.ForAgeInMonths(18 * 12).Should().BeNull();
    }
}
