pub(super) static RUNS: [u16; 0] = [];
pub(super) static GROUP_STARTS: [u32; 0] = [];
