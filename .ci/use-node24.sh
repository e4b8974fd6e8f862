# Sourced by .ci/run (and usable by hand: `source .ci/use-node24.sh`).
# The project runs on the Node.js major in .nvmrc (24 LTS). When the machine's
# node is older, Node comes from the npm registry's node-linux-<arch> package,
# installed with pnpm beside it into a folder of its own and put first on the
# sourcing shell's PATH; the system's node is left as it is.
NODE_MAJOR="$(tr -d ' \nv' <"$(dirname "${BASH_SOURCE[0]}")/../.nvmrc")"
PNPM_VERSION=12.21.0
node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt "$NODE_MAJOR" ]; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "No node-linux package for $(uname -m): install Node.js $NODE_MAJOR." >&2 && exit 1 ;;
  esac
  NODE_HOME="${SHOP_NODE_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/shop-node$NODE_MAJOR}"
  if [ "$(node_major "$NODE_HOME/node_modules/.bin/node")" != "$NODE_MAJOR" ] ||
    [ "$("$NODE_HOME/node_modules/.bin/pnpm" --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
    echo "Installing Node.js $NODE_MAJOR and pnpm $PNPM_VERSION into $NODE_HOME (the system node is $(node --version 2>/dev/null || echo absent))"
    mkdir -p "$NODE_HOME"
    npm install --prefix "$NODE_HOME" --no-audit --no-fund --loglevel=error \
      "node-linux-$arch@$NODE_MAJOR" "pnpm@$PNPM_VERSION"
  fi
  export PATH="$NODE_HOME/node_modules/.bin:$PATH"
fi
if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  npm install -g "pnpm@$PNPM_VERSION"
fi
echo "Node $(node --version) ($(command -v node)), pnpm $(pnpm --version)"
