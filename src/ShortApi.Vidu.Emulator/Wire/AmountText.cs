using System.Globalization;

namespace ShortApi.Vidu.Emulator;

/// <summary>Writes a USD amount the way the service does: a string, invariant culture, no trailing zeros ("0.1", not "0.10").</summary>
internal static class AmountText
{
    // decimal keeps the scale of its operands (0.05 + 0.05 = 0.10); the '#' digits drop those zeros.
    private const string Format = "0.############################";

    public static string Of(decimal amount) => amount.ToString(Format, CultureInfo.InvariantCulture);
}
