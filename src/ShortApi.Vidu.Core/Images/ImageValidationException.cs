using System;

namespace ShortApi.Vidu.Images
{
    /// <summary>An image input that cannot be sent, with the reason and what to do in the message.</summary>
    public sealed class ImageValidationException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ImageValidationException(ImageProblem problem, string input, string message, Exception? inner = null)
            : base(message, inner)
        {
            Problem = problem;
            Input = input;
        }

        /// <summary>What is wrong.</summary>
        public ImageProblem Problem { get; }

        /// <summary>The input as the user gave it.</summary>
        public string Input { get; }
    }
}
