# Sourced by ./devstack and .ci/run: points JAVA_HOME (and PATH) at a JDK 21 or newer.
# Looks at JAVA_HOME, the java on PATH, then the usual install locations; the newest suitable one wins
# only if neither of the first two qualifies.

_grassroots_jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

_grassroots_select_jdk() {
  local candidates=() c major best="" best_major=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/javac" ]; then
      major=$(_grassroots_jdk_major "$c")
      if [ -n "$major" ] && [ "$major" -ge 21 ]; then best="$c"; break; fi
    fi
  done
  if [ -z "$best" ]; then
    for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      [ -x "$c/bin/javac" ] || continue
      major=$(_grassroots_jdk_major "$c")
      if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$c"; best_major=$major; fi
    done
  fi
  if [ -z "$best" ]; then
    echo "Grassroots needs a JDK 21 or newer (java and javac). Install one (e.g. apt-get install openjdk-21-jdk-headless)" >&2
    echo "or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

_grassroots_select_jdk
