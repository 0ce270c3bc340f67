// Every script runs on Node 24. npm puts node_modules/.bin first on PATH, and the `node` dev
// dependency ships Node 24 there, so `node` in a script is Node 24 even on a machine whose own is
// older. Scripts call this first so a wrong runtime fails with one clear line.
export function requireNode24() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    console.error(
      `gatehouse: Node ${process.versions.node} is running this script; Node 24 is required. ` +
        'Run it through npm (npm run <script>), which uses the Node 24 from node_modules/.bin.',
    );
    process.exit(2);
  }
}
