namespace Autoship.Core.Config;

/// <summary>
/// The workflow the <c>github-actions</c> executor dispatches, one run per work order (<c>autoship init</c> writes it).
/// The job holds no write token: it reads the repository at the base commit, runs the agent in the sandbox with
/// <c>autoship work</c>, and uploads the result and the patch; the orchestrator verifies them and does every write.
/// </summary>
public static class AgentWorkflow
{
    public const string Path = ".github/workflows/autoship-agent.yml";

    /// <summary>The job workflow for a repository without detected test runners, written by this version.</summary>
    public static string Yaml => For([], WorkflowSteps.DefaultVersion);

    public static string For(IReadOnlyList<TestToolchain> detected, string version) =>
        Head + WorkflowSteps.InstallAutoship(version) + WorkflowSteps.TestPrerequisites(detected) + Run;

    private static readonly string Head = $$$"""
        # Autoship agent job: runs ONE work order on this repository's runners. Written by `autoship init`;
        # dispatched by the orchestrator (executor.kind: github-actions), never by people.
        # It has no write access: the orchestrator downloads the artifact, checks the work-order id, the base
        # commit and the digest, runs the guardrails again and does every push, label and PR itself.
        name: autoship-agent
        run-name: "autoship job ${{ inputs.order }}"

        on:
          workflow_dispatch:
            inputs:
              order: { description: "Job id (from the work order id)", required: true, type: string }
              base: { description: "Base commit the work order starts from", required: true, type: string }
              spec: { description: "The job spec (base64 JSON: work order and configuration)", required: true, type: string }
              head: { description: "The PR head a fix forward continues from (empty: start at the base)", required: false, type: string, default: "" }

        # Read only: the job cannot push, label, comment or merge.
        permissions:
          contents: read

        concurrency:
          group: autoship-agent-${{ inputs.order }}
          cancel-in-progress: false

        jobs:
          work:
            # GitHub-hosted, larger, or self-hosted runners (e.g. Actions Runner Controller on Kubernetes).
            runs-on: ubuntu-latest
            timeout-minutes: 60
            steps:
              - uses: {{{ActionPins.Checkout.Uses}}}
                with:
                  ref: ${{ inputs.head || inputs.base }}
                  fetch-depth: 0
                  persist-credentials: false

              - uses: {{{ActionPins.SetupDotnet.Uses}}}
                with:
                  dotnet-version: "10.0.x"


        """;

    private static readonly string Run = $$$"""
              - name: Run the work order
                env:
                  SPEC: ${{ inputs.spec }}
                  # The agent's own credentials only (the presets read them); never a forge token.
                  ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}
                  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}
                run: |
                  mkdir -p "$RUNNER_TEMP/job"
                  printf '%s' "$SPEC" | base64 -d > "$RUNNER_TEMP/job/spec.json"
                  # Writes result.json and, when it committed, change.patch (its sha256 is in result.json): the orchestrator
                  # checks both, then makes the commit itself.
                  autoship work --job "$RUNNER_TEMP/job" --repository "$GITHUB_WORKSPACE" --state-dir "$RUNNER_TEMP/autoship"

              - uses: {{{ActionPins.UploadArtifact.Uses}}}
                with:
                  name: autoship-job-${{ inputs.order }}
                  path: |
                    ${{ runner.temp }}/job/result.json
                    ${{ runner.temp }}/job/change.patch
                  retention-days: 7
        """;
}
