using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using ShortApi.Vidu.Images;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Turns one -Image value into checked images: URLs pass through; paths are read through PowerShell's
    /// providers (so "~", PSDrives and relative paths mean what they mean at the prompt), literally first and as a
    /// wildcard only when no such file exists (a file named "cat[1].png" stays itself).
    /// </summary>
    internal static class ImageInputResolver
    {
        /// <summary>The files (full paths) or the URL that one input names; a wildcard may name several.</summary>
        public static IEnumerable<string> Expand(string input, SessionState sessionState) =>
            ImageReference.LooksLikeUrl(input) ? new[] { input } : ResolvePaths(input, sessionState);

        /// <summary>Checks one expanded candidate; throws <see cref="ImageValidationException"/> saying what is wrong.</summary>
        public static ImageReference Check(string candidate, string input) =>
            ImageReference.LooksLikeUrl(candidate) ? ImageReference.FromUrl(candidate) : ImageReference.FromFile(candidate, input);

        private static IEnumerable<string> ResolvePaths(string input, SessionState sessionState)
        {
            string literal;
            ProviderInfo provider;
            try
            {
                literal = sessionState.Path.GetUnresolvedProviderPathFromPSPath(input, out provider, out _);
            }
            catch (System.Exception ex) when (ex is ItemNotFoundException || ex is DriveNotFoundException || ex is ProviderNotFoundException || ex is PSArgumentException || ex is System.NotSupportedException || ex is System.ArgumentException)
            {
                throw new ImageValidationException(ImageProblem.NotFound, input, $"Cannot find image '{input}': {ex.Message}");
            }
            if (provider.Name != "FileSystem")
                throw new ImageValidationException(ImageProblem.NotFound, input,
                    $"Image '{input}' is on the {provider.Name} provider; give a file system path or an https:// URL.");
            if (System.IO.File.Exists(literal) || System.IO.Directory.Exists(literal) || !WildcardPattern.ContainsWildcardCharacters(input))
                return new[] { literal };
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
