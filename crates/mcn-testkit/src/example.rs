//! The shipped example network (being written).
