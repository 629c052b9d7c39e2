//! What the iterator types share. Each is named after the function or
//! method that returns it (`records()` and the lookups return `Records`,
//! `ports()` `Ports`, `contacts()` `Contacts`, `uris()` `Uris`,
//! `references()` `References`, `search()` `Search`; `SocketAddrs` is
//! `ServiceAddr`'s `ToSocketAddrs::Iter`), is `Clone`, and has a `Debug`
//! that lists the items it has left, as the standard library's slice
//! iterators do: `Ports([591, 8008])`. Those over the registry allocate
//! nothing, `Debug` included (`tests/alloc.rs`).
//!
//! Those that map table rows to items one for one are written by
//! [`row_iter!`]; those that filter or rank (`Records`, `Ports`, `Search`)
//! and `SocketAddrs` by hand.

use core::fmt;

/// `Debug` for an iterator called `name`: the items `iter` (a clone) has
/// left, as a list: `name([a, b])`.
pub(crate) fn debug_left<I>(f: &mut fmt::Formatter<'_>, name: &str, iter: I) -> fmt::Result
where
    I: Iterator + Clone,
    I::Item: fmt::Debug,
{
    /// The items as a list.
    struct Left<I>(I);
    impl<I> fmt::Debug for Left<I>
    where
        I: Iterator + Clone,
        I::Item: fmt::Debug,
    {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_list().entries(self.0.clone()).finish()
        }
    }
    f.debug_tuple(name).field(&Left(iter)).finish()
}

/// Defines `pub struct $name`, an iterator over the rows that `$inner`
/// yields (table indices or a range of rows), each turned into an `$item`
/// by `$at`: `Iterator`, `DoubleEndedIterator`, `ExactSizeIterator`,
/// `FusedIterator`, `Clone` and a `Debug` that lists the items left.
#[cfg(feature = "metadata")]
macro_rules! row_iter {
    ($(#[$m:meta])* $name:ident($inner:ty) -> $item:ty, $at:expr) => {
        $(#[$m])*
        #[derive(Clone)]
        pub struct $name {
            inner: $inner,
        }

        impl Iterator for $name {
            type Item = $item;

            #[inline]
            fn next(&mut self) -> Option<$item> {
                self.inner.next().map($at)
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.inner.size_hint()
            }

            #[inline]
            fn nth(&mut self, n: usize) -> Option<$item> {
                self.inner.nth(n).map($at)
            }
        }

        impl DoubleEndedIterator for $name {
            #[inline]
            fn next_back(&mut self) -> Option<$item> {
                self.inner.next_back().map($at)
            }

            #[inline]
            fn nth_back(&mut self, n: usize) -> Option<$item> {
                self.inner.nth_back(n).map($at)
            }
        }

        impl ExactSizeIterator for $name {}
        impl core::iter::FusedIterator for $name {}

        impl core::fmt::Debug for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                $crate::iter::debug_left(f, core::stringify!($name), self.clone())
            }
        }
    };
}
#[cfg(feature = "metadata")]
pub(crate) use row_iter;
