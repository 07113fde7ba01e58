// R-MI-6: aggregates shown to contract managers suppress cells smaller than a threshold, so that no
// person can be recognised from a count. Assumption (no contract names a threshold yet): 5, the value
// Statistics Netherlands uses for its own tables of persons. A suppressed cell is null, never 0: "few"
// and "none" must not read alike. Zero is shown — nobody can be recognised in an empty cell.

export const SMALL_CELL_THRESHOLD = 5;

export function suppressSmall(count: number, threshold = SMALL_CELL_THRESHOLD): number | null {
  return count > 0 && count < threshold ? null : count;
}
