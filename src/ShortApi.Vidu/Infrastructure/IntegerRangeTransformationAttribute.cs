using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Reads "1..10" as the range it looks like. In argument mode PowerShell passes an unparenthesised 1..10 as
    /// the text "1..10", so -Duration 1..10 would otherwise fail to bind; (1..10), arrays and numbers pass through.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class IntegerRangeTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly Regex Range = new Regex(@"^\s*(-?\d+)\s*\.\.\s*(-?\d+)\s*$", RegexOptions.CultureInvariant);

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text) return Expand(text) ?? (object)text;
            if (value is IEnumerable items && !(value is string))
            {
                var result = new List<object?>();
                foreach (var item in items)
                {
                    var inner = item is PSObject p ? p.BaseObject : item;
                    if (inner is string s && Expand(s) is int[] range) foreach (var n in range) result.Add(n);
                    else result.Add(item);
                }
                return result.ToArray();
            }
            return inputData;
        }

        private static int[]? Expand(string text)
        {
            var match = Range.Match(text);
            if (!match.Success) return null;
            var from = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var to = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var step = from <= to ? 1 : -1;
            var count = Math.Abs(to - from) + 1;
            if (count > 10_000) return null;
            var numbers = new int[count];
            for (var i = 0; i < count; i++) numbers[i] = from + i * step;
            return numbers;
        }
    }
}
