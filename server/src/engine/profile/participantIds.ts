// Participant ids numbered once for an open document, across its versions. The editor
// profiles a document in blocks and merges every block's participants after each edit
// (profile/blocks.ts); matching them by their id strings cost a hash lookup per participant
// per edit, the largest part of a re-lint of a 100,000-row file. Blocks that number their
// participants here are matched by these numbers, in arrays. Numbers are never reused, so
// a number always means the same id; ids no longer in the document keep theirs (at most the
// ids ever typed, each string already held by the table).

export class ParticipantIds {
  private readonly numbers = new Map<string, number>();

  /** The id's number, given on first sight. */
  numberOf(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(id, n);
    }
    return n;
  }

  /** Numbers given so far (every number is below it). */
  get size(): number {
    return this.numbers.size;
  }
}

/**
 * Per id number, a slot (-1 when none): grown as numbers are given, so a merge looks up a
 * participant by its number in an array instead of by its id in a map.
 */
export class SlotsByNumber {
  private slots = new Int32Array(0);

  get(n: number): number {
    return n < this.slots.length ? this.slots[n] : -1;
  }

  set(n: number, slot: number): void {
    if (n >= this.slots.length) {
      const grown = new Int32Array(Math.max(1024, 2 * (n + 1))).fill(-1);
      grown.set(this.slots);
      this.slots = grown;
    }
    this.slots[n] = slot;
  }
}
