using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Images;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Turns New-ViduVideoJob's picture parameters into checked pictures: -Image/-LiteralPath (each picture its own job;
    /// a wildcard may name several), -EndImage (exactly one picture), -ReferenceImage (all pictures of one job). Every
    /// problem is an error naming the picture at fault; a job is built only from pictures that all passed.
    /// </summary>
    internal sealed class PictureInputs
    {
        /// <summary>
        /// -Image takes pipeline input by value so that paths and files bind, which also makes PowerShell turn a row
        /// without an Image column into its text ("@{ReferenceImage=...}") and bind that. Such a row has no first
        /// picture (true here): its ReferenceImage or TextToVideo column decides, or it is refused as having no picture.
        /// </summary>
        public static bool IsRowText(PSObject? input, string[] image)
        {
            var row = input?.BaseObject;
            if (!(row is PSCustomObject || row is System.Collections.IDictionary) || image.Length != 1) return false;
            if (new[] { "Image", "Path", "Url" }.Any(name => input!.Properties[name] != null)) return false;
            return !(row is System.Collections.IDictionary table && new[] { "Image", "Path", "Url" }.Any(table.Contains));
        }

        /// <summary>How a CSV cell names several reference pictures: separated by semicolons.</summary>
        public const char ReferenceSeparator = TextList.Separator;

        private readonly SessionState _sessionState;
        private readonly Action<ErrorRecord> _report;
        private int _errors;

        public PictureInputs(SessionState sessionState, Action<ErrorRecord> writeError)
        {
            _sessionState = sessionState;
            _report = writeError;
        }

        private void WriteError(ErrorRecord record)
        {
            _errors++;
            _report(record);
        }

        /// <summary>The non-blank values of a picture parameter (a CSV's blank Image cell means "no picture").</summary>
        public static IReadOnlyList<string> Given(IEnumerable<string?>? values) =>
            (values ?? Enumerable.Empty<string?>()).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();

        /// <summary>Reference pictures, each value possibly a "a.png;b.png" cell.</summary>
        public static IReadOnlyList<string> References(IEnumerable<string?>? values) =>
            Given(values).SelectMany(v => v.Split(ReferenceSeparator)).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

        /// <summary>Every picture an input names, each checked; a bad one is an error and is left out.</summary>
        public IEnumerable<ImageReference> Each(string input, bool literal)
        {
            IEnumerable<string> candidates;
            try
            {
                candidates = ImageInputResolver.Expand(input, _sessionState, literal).ToList();
            }
            catch (ImageValidationException ex)
            {
                WriteError(ErrorRecords.FromImage(ex, input));
                yield break;
            }
            foreach (var candidate in candidates)
            {
                var image = Check(candidate, input, literal);
                if (image != null) yield return image;
            }
        }

        /// <summary>Exactly one picture for a parameter that takes one (-EndImage), or null after an error.</summary>
        public ImageReference? One(string input, bool literal, string parameter)
        {
            var all = Each(input, literal).ToList();
            if (all.Count <= 1) return all.FirstOrDefault();
            WriteError(ErrorRecords.InvalidArgument($"-{parameter} '{input}' names {all.Count} pictures; a start-end video has one last frame. Give one file.", input));
            return null;
        }

        /// <summary>All the pictures of one job (-ReferenceImage), or null when any of them is bad.</summary>
        public IReadOnlyList<ImageReference>? All(IEnumerable<string> inputs)
        {
            var errorsBefore = _errors;
            var pictures = inputs.SelectMany(input => Each(input, literal: false)).ToList();
            return _errors == errorsBefore ? pictures : null;
        }

        private ImageReference? Check(string candidate, string input, bool literal)
        {
            try
            {
                return ImageInputResolver.Check(candidate, input, literal);
            }
            catch (ImageValidationException ex)
            {
                // The target is the one picture at fault (a wildcard input names many), so a retry redoes only it.
                WriteError(ErrorRecords.FromImage(ex, candidate));
                return null;
            }
        }
    }
}
