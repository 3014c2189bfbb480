/** Things to close when the server stops, last opened first. */
export class Shutdown {
  private readonly actions: Array<() => Promise<void> | void> = [];

  add(action: () => Promise<void> | void): void {
    this.actions.push(action);
  }

  async run(): Promise<void> {
    for (const action of this.actions.reverse()) {
      await Promise.resolve()
        .then(action)
        .catch(() => undefined);
    }
    this.actions.length = 0;
  }
}
