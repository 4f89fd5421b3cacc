package longtest

import (
	"testing"
)

func TestEnabled(t *testing.T) {
	for _, tt := range []struct {
		value string
		want  bool
	}{{"", false}, {"0", false}, {"1", !testing.Short()}, {"yes", !testing.Short()}} {
		t.Setenv(Env, tt.value)
		if got := Enabled(); got != tt.want {
			t.Errorf("%s=%q: Enabled() = %v, want %v", Env, tt.value, got, tt.want)
		}
		if got := Pick(1, 2); got != map[bool]int{false: 1, true: 2}[tt.want] {
			t.Errorf("%s=%q: Pick(1, 2) = %d", Env, tt.value, got)
		}
	}
}

func TestSkip(t *testing.T) {
	t.Setenv(Env, "")
	ran := false
	t.Run("quick", func(t *testing.T) {
		Skip(t, "test")
		ran = true
	})
	if ran {
		t.Error("Skip did not skip in the quick set")
	}
	if testing.Short() {
		return
	}
	t.Setenv(Env, "1")
	t.Run("long", func(t *testing.T) {
		Skip(t, "test")
		ran = true
	})
	if !ran {
		t.Error("Skip skipped in the long set")
	}
}
