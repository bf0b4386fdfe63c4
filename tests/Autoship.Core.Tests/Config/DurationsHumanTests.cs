using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

public sealed class DurationsHumanTests
{
    [Theory]
    [InlineData(0, "0.0s")]
    [InlineData(0.46, "0.4s")]
    [InlineData(9.99, "9.9s")]
    [InlineData(42.7, "42s")]
    [InlineData(245, "4m 05s")]
    [InlineData(3599, "59m 59s")]
    [InlineData(3720, "1h 02m")]
    [InlineData(86399, "23h 59m")]
    [InlineData(273600, "3d 04h")]
    [InlineData(-245, "-4m 05s")]
    public void Human_Seconds_OneFormat(double seconds, string expected) => Durations.Human(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
