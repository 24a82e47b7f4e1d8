using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace ShortApi.Vidu
{
    /// <summary>
    /// A job's list of pictures or result URLs. It is a read-only list like any other, except that its text is its items
    /// joined by ';': Export-Csv writes a list as its text, and an array's text ("System.String[]") would lose the items.
    /// The job binder and -ReferenceImage split such a cell again, so a CSV round trip keeps every picture.
    /// </summary>
    public sealed class TextList : ReadOnlyCollection<string>
    {
        /// <summary>What joins the items in <see cref="ToString"/> (and separates them in a CSV cell).</summary>
        public const char Separator = ';';

        /// <summary>The list with no items.</summary>
        public static TextList Empty { get; } = new TextList(Array.Empty<string>());

        /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
        public TextList(IEnumerable<string> items) : base((items ?? Array.Empty<string>()).ToArray())
        {
        }

        /// <summary>The number of items, under the name an array uses, so scripts written for arrays keep working.</summary>
        public int Length => Count;

        /// <summary>A list holding a copy of the array.</summary>
        public static implicit operator TextList(string[]? items) => items == null || items.Length == 0 ? Empty : new TextList(items);

        /// <summary>The items of one CSV cell: split at <see cref="Separator"/>, trimmed, blanks dropped.</summary>
        public static TextList Parse(string? cell) =>
            new TextList((cell ?? string.Empty).Split(Separator).Select(item => item.Trim()).Where(item => item.Length > 0));

        /// <summary>The items joined by <see cref="Separator"/>.</summary>
        public override string ToString() => string.Join(Separator.ToString(), this);
    }
}
