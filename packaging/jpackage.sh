#!/usr/bin/env bash
# The installable app, made by the JDK's jpackage from this platform's runnable jar (target/eos-lab-<platform>.jar,
# built by `mvn -Pplatforms package`, which runs this script) with a jlinked runtime: the user needs no JDK.
#   Linux:   target/installer/eos-lab/ (app image) and target/installer/eos-lab_<version>_<arch>.deb
#            (the .deb needs dpkg-deb and fakeroot: apt-get install fakeroot)
#   macOS:   target/installer/EOS Lab-<version>.dmg        (packaging/eos-lab.icns, made by the release workflow)
#   Windows: target/installer/EOS Lab-<version>.msi        (WiX 3 on PATH; packaging/eos-lab.ico, likewise)
# jpackage cannot cross-build: .github/workflows/release.yml runs this on macOS and Windows runners.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:?usage: packaging/jpackage.sh VERSION}"
version="${version%%-*}"                                   # jpackage takes numbers only: 0.1.0-SNAPSHOT -> 0.1.0
out=target/installer
input=target/installer-input
# JDK modules the app uses (jdeps --print-module-deps on the jar), with java.prefs and jdk.zipfs for what it loads by name
modules=java.base,java.desktop,java.logging,java.prefs,java.sql,jdk.jfr,jdk.management,jdk.unsupported,jdk.zipfs
description="Watch gradient descent at the edge of stability on deep matrix factorization"
common=(--app-version "$version" --vendor "EOS Lab" --copyright "MIT License" --description "$description"
        --main-class org.eoslab.cli.Main --java-options -Xss4m)

# JavaFX's natives beside the jar, where JavaFX looks first on Linux and macOS (it would otherwise extract them to
# ~/.openjfx/cache, which no uninstaller removes)
fx_natives() {
  (cd "$1" && jar xf "$2" $(jar tf "$2" | grep -v / | grep -E "$3"))
}

case "$(uname -s)" in
  Linux)
    case "$(uname -m)" in aarch64|arm64) jar=eos-lab-linux-aarch64.jar ;; *) jar=eos-lab-linux.jar ;; esac
    rm -rf "$out" "$input"; mkdir -p "$out" "$input"; cp "target/$jar" "$input/"
    fx_natives "$input" "$jar" '\.so$'
    jpackage --type app-image --name eos-lab --input "$input" --main-jar "$jar" --icon packaging/eos-lab.png \
      --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files" \
      --dest "$out" "${common[@]}"
    echo "app image: $out/eos-lab (run $out/eos-lab/bin/eos-lab)"
    if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
      jpackage --type deb --name eos-lab --app-image "$out/eos-lab" --dest "$out" --resource-dir packaging/linux \
        --linux-package-name eos-lab --linux-app-category science --linux-menu-group "Education;Science" \
        --linux-shortcut --linux-package-deps "libgtk-3-0, xdg-utils" --file-associations packaging/eoslab-session.properties --license-file LICENSE \
        --icon packaging/eos-lab.png --app-version "$version" --vendor "EOS Lab" --description "$description"
      echo "package: $(ls "$out"/*.deb)"
    else
      echo "no .deb: dpkg-deb and fakeroot are needed (apt-get install fakeroot)"
    fi ;;
  Darwin)
    case "$(uname -m)" in arm64) jar=eos-lab-mac-aarch64.jar ;; *) jar=eos-lab-mac.jar ;; esac
    rm -rf "$out" "$input"; mkdir -p "$out" "$input"; cp "target/$jar" "$input/"
    fx_natives "$input" "$jar" '\.dylib$'
    icon=(); [ -f packaging/eos-lab.icns ] && icon=(--icon packaging/eos-lab.icns)
    jpackage --type dmg --name "EOS Lab" --input "$input" --main-jar "$jar" "${icon[@]}" \
      --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files" \
      --mac-package-identifier org.eoslab.app --file-associations packaging/eoslab-session.properties \
      --dest "$out" "${common[@]}" ;;
  MINGW*|MSYS*|CYGWIN*)
    jar=eos-lab-win.jar
    rm -rf "$out" "$input"; mkdir -p "$out" "$input"; cp "target/$jar" "$input/"
    icon=(); [ -f packaging/eos-lab.ico ] && icon=(--icon packaging/eos-lab.ico)
    jpackage --type msi --name "EOS Lab" --input "$input" --main-jar "$jar" "${icon[@]}" \
      --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files" \
      --win-menu --win-menu-group "EOS Lab" --win-shortcut --win-dir-chooser --win-upgrade-uuid 6f1c2a52-4b1e-4c55-9d2e-0e0b5a3c7e11 \
      --file-associations packaging/eoslab-session.properties --dest "$out" "${common[@]}" ;;
  *) echo "jpackage.sh: no installer for $(uname -s)" >&2; exit 2 ;;
esac
