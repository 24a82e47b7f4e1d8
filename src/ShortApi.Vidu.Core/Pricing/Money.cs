using System.Globalization;

namespace ShortApi.Vidu.Pricing
{
    /// <summary>How amounts of USD are written everywhere the module writes them: $0.05, $0.275, never $0.0500 or 0,05.</summary>
    internal static class Money
    {
        public static string Usd(decimal value) => "$" + value.ToString("0.00##", CultureInfo.InvariantCulture);
    }
}
