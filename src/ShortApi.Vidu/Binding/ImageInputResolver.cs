using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using ShortApi.Vidu.Images;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Turns one -Image or -LiteralPath value into pictures to check. URLs pass through; paths are read through
    /// PowerShell's providers (so "~", PSDrives and relative paths mean what they mean at the prompt). -Image takes a
    /// name literally when such a file exists and as a wildcard otherwise (a file named "cat[1].png" stays itself);
    /// -LiteralPath never expands anything, so 'dog[1].png' can never become dog1.png.
    /// </summary>
    internal static class ImageInputResolver
    {
        /// <summary>The files (full paths) or the URL that one input names; a wildcard may name several.</summary>
        public static IEnumerable<string> Expand(string input, SessionState sessionState, bool literal) =>
            !literal && ImageReference.LooksLikeUrl(input) ? new[] { input } : ResolvePaths(input, sessionState, literal);

        /// <summary>Checks one expanded candidate; throws <see cref="ImageValidationException"/> saying what is wrong.</summary>
        public static ImageReference Check(string candidate, string input, bool literal) =>
            !literal && ImageReference.LooksLikeUrl(candidate) ? ImageReference.FromUrl(candidate) : ImageReference.FromFile(candidate, input);

        private static IEnumerable<string> ResolvePaths(string input, SessionState sessionState, bool literal)
        {
            string path;
            ProviderInfo provider;
            try
            {
                path = sessionState.Path.GetUnresolvedProviderPathFromPSPath(input, out provider, out _);
            }
            catch (System.Exception ex) when (ex is ItemNotFoundException || ex is DriveNotFoundException || ex is ProviderNotFoundException || ex is PSArgumentException || ex is System.NotSupportedException || ex is System.ArgumentException)
            {
                throw new ImageValidationException(ImageProblem.NotFound, input, $"Cannot find image '{input}': {ex.Message}");
            }
            if (provider.Name != "FileSystem")
                throw new ImageValidationException(ImageProblem.NotFound, input,
                    $"Image '{input}' is on the {provider.Name} provider; give a file system path or an https:// URL.");
            if (literal || System.IO.File.Exists(path) || System.IO.Directory.Exists(path) || !WildcardPattern.ContainsWildcardCharacters(input))
                return new[] { path };
            Collection<string> matches;
            try
            {
                matches = sessionState.Path.GetResolvedProviderPathFromPSPath(input, out _);
            }
            catch (ItemNotFoundException)
            {
                matches = new Collection<string>();
            }
            if (matches.Count == 0)
                throw new ImageValidationException(ImageProblem.NotFound, input, $"No file matches '{input}'. Check the pattern and the folder, or give an https:// URL.");
            return matches;
        }
    }
}
