// The untraced attribution of long tasks: the page's tasks over 50 ms and the extension's own timed stretches.
import { describe, expect, test } from "vitest";
import { ownShareOfLongTasks } from "../../bench/longtasks";

describe("ownShareOfLongTasks", () => {
  test("a stretch counts as far as it overlaps a task, in whichever task it falls", () => {
    const tasks: [number, number][] = [
      [100, 60], // 100–160
      [300, 80], // 300–380
    ];
    const stretches: [number, number][] = [
      [90, 20], // 10 ms of it in the first task
      [150, 5], // all of it in the first
      [200, 30], // between the tasks
      [370, 30], // 10 ms in the second
    ];
    expect(ownShareOfLongTasks(tasks, stretches)).toEqual([
      { task: 60, ours: 15 },
      { task: 80, ours: 10 },
    ]);
  });

  test("no stretches, or no long tasks", () => {
    expect(ownShareOfLongTasks([[0, 55]], [])).toEqual([{ task: 55, ours: 0 }]);
    expect(ownShareOfLongTasks([], [[0, 55]])).toEqual([]);
  });
});
