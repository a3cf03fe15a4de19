using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// For catalogue entries whose harm depends on how they are called, not only on what they are:
/// SQL text, a command line, a <c>recursive</c> flag, the request a client executes. The entry still
/// decides the tier (a condition may lower it); the condition decides whether this site is an
/// operation at all and, if so, what it does.
/// </summary>
internal abstract class OperationCondition
{
    /// <summary>When the entry applies, for the rule documentation ("only when the SQL text ...").</summary>
    public abstract string Documentation { get; }

    /// <param name="reference">The invocation, method reference or object creation being analysed.</param>
    /// <param name="operation">The catalogued member it reaches.</param>
    /// <param name="wording">The entry's wording, for conditions that only add to it.</param>
    /// <param name="scope">What the parameters of the code being read stand for (a helper read for one of its callers).</param>
    /// <returns>What the operation does at this site, or null when it is harmless here.</returns>
    public abstract SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope);
}
