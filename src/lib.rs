//! councilpack: UK council meeting packs in, structured JSON out.
//!
//! The modules in pipeline order: [`cli`] and [`config`] decide the run; [`batch`] finds
//! the inputs and runs each pack; [`load`] turns bytes into the [`model`]; [`segment`]
//! splits it into the pack's parts; [`extract`] reads the facts with the [`rules`];
//! [`pack`] is the output contract and [`output`] writes it; [`export`] turns a finished
//! output folder into tables. [`error`], [`warnings`] and [`report`] say what went wrong.
#![warn(missing_docs)]

pub mod batch;
pub mod cli;
pub mod config;
pub mod error;
pub mod export;
pub mod extract;
pub mod load;
pub mod model;
pub mod output;
pub mod pack;
pub mod report;
pub mod rules;
pub mod segment;
pub mod warnings;
