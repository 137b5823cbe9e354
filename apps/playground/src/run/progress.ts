import { SingleBar } from 'cli-progress';

/** Progress of one long step. */
export interface StepProgress {
  advance(by?: number): void;
  done(summary: string): void;
}

/** Where a run reports its steps: a terminal with progress bars, or plain lines. */
export interface ProgressSink {
  step(label: string, total: number): StepProgress;
  line(text: string): void;
}

/** Writes nothing; for tests and for callers that read only the report. */
export const silentProgress: ProgressSink = {
  step: () => ({ advance: () => {}, done: () => {} }),
  line: () => {},
};

/** Progress bars on a terminal; one line per step otherwise (CI logs, pipes). */
export function terminalProgress(stream: NodeJS.WriteStream = process.stdout): ProgressSink {
  return {
    line: (text) => {
      stream.write(`${text}\n`);
    },
    step(label, total) {
      if (!stream.isTTY || total <= 1) {
        stream.write(`${label}...\n`);
        return { advance: () => {}, done: (summary) => stream.write(`  ${summary}\n`) };
      }
      const bar = new SingleBar(
        {
          format: `${label.padEnd(34)} [{bar}] {value}/{total}`,
          stream,
          hideCursor: true,
          clearOnComplete: true,
        },
        { format: '', barCompleteChar: '#', barIncompleteChar: '.' },
      );
      bar.start(total, 0);
      return {
        advance: (by = 1) => bar.increment(by),
        done: (summary) => {
          bar.stop();
          stream.write(`${label}: ${summary}\n`);
        },
      };
    },
  };
}
