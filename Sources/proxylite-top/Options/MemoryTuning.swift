import CPlatform

/// glibc gives every thread that allocates its own malloc arena (up to 8 per core), and memory
/// freed in one is not reused by another. A monitor whose polls decode on whichever thread is
/// free would keep the high-water mark of each; two arenas keep memory flatter at no measurable cost.
enum MemoryTuning {
    static func apply() {
        _ = csys_limit_malloc_arenas(2)
    }
}
