#!/usr/bin/env bash
# Installs the .deb that `mvn -Pplatforms package` built, as a user would, and checks it: the installed launcher's
# --help, a headless render and a ReLU run on the bundled OpenBLAS, the window under Xvfb, the desktop's
# registration of .eoslab sessions; then uninstalls it and checks that nothing of it is left. The app runs as a new,
# unprivileged user (it must not need to write where it is installed). Run as root (CI is), on Debian.
# Needs: dpkg, Xvfb, xdotool, libgtk-3-0, xdg-utils (.ci/run installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/installer/eos-lab_*.deb)
user=eoslab-test
work=$(mktemp -d)
chmod 755 "$work"
home="$work/home"
app_pid=""; xvfb_pid=""; made=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  id "$user" >/dev/null 2>&1 && userdel "$user" 2>/dev/null || true
  for d in $made; do rmdir "$d" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
passed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
as_user() { runuser -u "$user" -- env HOME="$home" "$@"; }

dpkg -s eos-lab >/dev/null 2>&1 && fail "eos-lab is already installed"
id "$user" >/dev/null 2>&1 && fail "user $user exists already"
useradd --home-dir "$home" --create-home --shell /bin/sh "$user"
cp presets/fig05-period-two.json "$home/"
chown "$user" "$home/fig05-period-two.json"
# a desktop's menu directories (a server has none: the package then installs without a menu entry, see its postinst)
for d in /etc/xdg/menus /usr/share/applications /usr/share/desktop-directories; do
  [ -d "$d" ] || { mkdir -p "$d"; made="$d $made"; }
done

dpkg -i "$deb" >/dev/null || fail "dpkg -i $deb"
ok "installed $(dpkg-query -W -f='${Package} ${Version}' eos-lab)"
launcher=/opt/eos-lab/bin/eos-lab
files=$(dpkg -L eos-lab)

as_user "$launcher" --help > "$work/help.txt" || fail "--help"
grep -q "usage: eos-lab" "$work/help.txt" || fail "--help printed no usage"
ok "--help"

as_user "$launcher" render --preset "$home/fig05-period-two.json" --view orbit --out "$home/render" > "$work/render.txt" 2>&1 \
  || { cat "$work/render.txt"; fail "render"; }
[ "$(head -c 8 "$home/render/orbit.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "render wrote no PNG"
ok "headless render: $(ls "$home/render" | tr '\n' ' ')"

as_user "$launcher" run --model mlp --samples 200 --steps 3 --out "$home/mlp" > "$work/mlp.txt" 2>&1 || { cat "$work/mlp.txt"; fail "run"; }
grep -q '"computePath" : "native BLAS/LAPACK (bundled OpenBLAS' "$home/mlp/run.json" \
  || { grep computePath "$home/mlp/run.json"; fail "the installed app does not run on the bundled OpenBLAS"; }
ok "a ReLU run on the bundled OpenBLAS"

Xvfb :78 -ac -screen 0 1600x1000x24 >/dev/null 2>&1 & xvfb_pid=$!
sleep 1
as_user env DISPLAY=:78 "$launcher" > "$work/window.txt" 2>&1 & app_pid=$!
window=""
for _ in $(seq 60); do
  window=$(DISPLAY=:78 xdotool search --name "EOS Lab" 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/window.txt"; fail "the app exited before its window opened"; }
  sleep 1
done
[ -n "$window" ] || { cat "$work/window.txt"; fail "no window within 60 s"; }
sleep 3
kill -0 "$app_pid" 2>/dev/null || { cat "$work/window.txt"; fail "the app died after opening its window"; }
ok "window '$(DISPLAY=:78 xdotool getwindowname "$window")' open under Xvfb"
pkill -u "$user" -f /opt/eos-lab/ 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true; app_pid=""
kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""

desktop=$(grep '\.desktop$' <<<"$files" | head -1)
grep -q '^MimeType=application/x-eoslab-session' "$desktop" || fail "the desktop entry does not take .eoslab sessions"
[ "$(xdg-mime query default application/x-eoslab-session)" = "$(basename "$desktop")" ] || fail ".eoslab is not registered with the app"
ok ".eoslab sessions open in the app ($(basename "$desktop"))"

dpkg --purge eos-lab >/dev/null 2>&1 || fail "dpkg --purge"
dpkg -s eos-lab >/dev/null 2>&1 && fail "still installed"
left=""
while read -r f; do [ "$f" != "/." ] && [ "$f" != "/opt" ] && [ -e "$f" ] && left="$left $f"; done <<<"$files"
[ -z "$left" ] || fail "left behind:$left"
[ ! -e /opt/eos-lab ] || fail "/opt/eos-lab left behind"
[ -z "$(xdg-mime query default application/x-eoslab-session)" ] || fail ".eoslab still registered"
# what the app wrote in the user's home: its outputs above, and its own cache folder; no ~/.openjfx (JavaFX's natives
# sit beside the jar) and no ~/.javacpp (JavaCPP and JNA extract into ~/.cache/eos-lab). GTK and Mesa keep their own
# caches under ~/.cache, as for any program.
others=$(cd "$home" && find . -mindepth 1 -maxdepth 1 ! -name .cache ! -name render ! -name mlp ! -name 'fig05-*' ! -name '.profile' ! -name '.bashrc' ! -name '.bash_logout' | tr '\n' ' ')
[ -z "$others" ] || fail "the app wrote outside ~/.cache: $others"
[ -d "$home/.cache/eos-lab/javacpp" ] || fail "the natives were not extracted into ~/.cache/eos-lab"
rm -rf "$home/.cache/eos-lab"                               # the README's one step after uninstalling
ok "uninstalled, nothing left behind but the app's own cache folder ~/.cache/eos-lab (removed)"
echo "$passed passed, 0 failed"
