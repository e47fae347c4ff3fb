"use client";

import { useState } from "react";
import type { SnapshotView } from "@/lib/client";
import { formatGeneration } from "@/lib/graph/deep-chain";
import { errorMessage } from "@/lib/ui/api";
import { fromLocalInput, parseGeneration, toLocalInput } from "@/lib/ui/jump-input";
import { isNoSnapshotThen } from "@/lib/ui/jump-label";
import type { Jump } from "@/lib/ui/lineage-url";
import { JumpMiss } from "../JumpMiss";
import { useGoTo } from "../useJump";

type Problem = { kind: "text"; text: string } | { kind: "miss"; jump: Jump } | null;

const field =
  "min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-950";
const button = "shrink-0 rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-60";

/** "Go to generation N" and "as of <date>" along this snapshot's chain: each re-anchors the view there. */
export function GenerationJump({ snapshot }: { snapshot: SnapshotView }) {
  const goTo = useGoTo();
  const [generation, setGeneration] = useState(String(Math.max(0, snapshot.depth - 1)));
  const [when, setWhen] = useState(() => toLocalInput(snapshot.createdAt));
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);

  const go = async (jump: Jump) => {
    setBusy(true);
    setProblem(null);
    try {
      await goTo(jump);
    } catch (err) {
      setProblem(isNoSnapshotThen(err) ? { kind: "miss", jump } : { kind: "text", text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const submitGeneration = (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = parseGeneration(generation, snapshot.depth);
    if ("problem" in parsed) return setProblem({ kind: "text", text: parsed.problem });
    void go({ of: snapshot.id, depth: parsed.depth });
  };
  const submitDate = (e: React.FormEvent) => {
    e.preventDefault();
    const asOf = fromLocalInput(when);
    if (!asOf) return setProblem({ kind: "text", text: "Pick a date and time." });
    void go({ of: snapshot.id, asOf });
  };

  return (
    <section aria-label="Move along the chain" className="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <h3 className="text-sm font-semibold">
        Move along the chain <span className="font-normal text-slate-500 dark:text-slate-400">· this is gen {formatGeneration(snapshot.depth)}</span>
      </h3>
      <form onSubmit={submitGeneration} noValidate className="flex items-center gap-2">
        <label htmlFor="jump-generation" className="w-28 shrink-0 text-sm">
          Go to generation
        </label>
        <input
          id="jump-generation"
          type="number"
          inputMode="numeric"
          min={0}
          max={snapshot.depth}
          step={1}
          value={generation}
          onChange={(e) => setGeneration(e.target.value)}
          className={field}
        />
        <button type="submit" disabled={busy} className={button} aria-label="Go to generation">
          Go
        </button>
      </form>
      <form onSubmit={submitDate} noValidate className="flex items-center gap-2">
        <label htmlFor="jump-as-of" className="w-28 shrink-0 text-sm">
          As of
        </label>
        <input id="jump-as-of" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} className={field} />
        <button type="submit" disabled={busy} className={button} aria-label="Go to the chain as of this time">
          Go
        </button>
      </form>
      <p className="text-xs text-slate-500 dark:text-slate-400">Generation 0 is the root. “As of” opens the newest snapshot of this chain taken by then.</p>
      {problem?.kind === "text" && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem.text}
        </p>
      )}
      {problem?.kind === "miss" && <JumpMiss jump={problem.jump} />}
    </section>
  );
}
